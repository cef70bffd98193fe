// Intentionally empty: import from the module that defines a thing (no value-exporting barrels).
export {};
