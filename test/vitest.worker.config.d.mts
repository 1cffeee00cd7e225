declare const _default: import("vitest/config").UserProjectConfigFn;
export default _default;
