export declare function renderPolicyDoc(): string;
