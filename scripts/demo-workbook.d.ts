import type { WorkbookGrid } from '../shared/grid.js';
export declare const DEMO_FILE_NAME = "\u793A\u4F8B\u5B66\u6821\u5E08\u8BAD\u53F0\u8D26.xlsx";
export declare function demoGrid(year: number): WorkbookGrid;
