type Rename = (from: string, to: string) => void;

/** `renameSync` that calls `fault(n)` after its Nth output-file rename (the rename itself happened). */
export function renameWithFault(rename: Rename, after: number, fault: (count: number) => void): Rename;
