/** A typed fake of the part of the Excel object model src/excel uses (see install.ts, objectModel.ts). */
export * from "./context";
export * from "./model";
export * from "./objectModel";
export * from "./install";
export * from "./scenarios";
