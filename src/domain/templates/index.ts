/** Template recognition and row parsing: what other parts of the app import. */
export { TEMPLATES, REQUIRED_ALTERNATIVES, fieldDefinition, type FieldDefinition, type TemplateDefinition, type KindSignals } from "./definitions";
export { recognizeSheet, recognizeSheetTables, parseSheet, readPlan, delegationsOfTable, type ReadPlanOptions } from "./readPlan";
export type { ParseOptions } from "./parseRows";
export type { SheetRecognition, RecognizedTemplate, NotATemplate, PlanRead } from "./types";
