export declare const ICON_SIZES: readonly [16, 32, 64, 80, 128];
export declare function encodePng(width: number, height: number, rgba: Uint8Array): Buffer;
/** Renders the icon at `size` pixels with 4×4 supersampling for smooth edges. */
export declare function drawIcon(size: number): Buffer;
