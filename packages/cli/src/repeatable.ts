/** A commander option parser for a flag given more than once: every value, in order. */
export const repeatable = (value: string, all: string[] = []): string[] => [...all, value];
