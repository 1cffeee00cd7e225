export declare function zip(files: {
    name: string;
    text: string;
}[]): Promise<Uint8Array>;
