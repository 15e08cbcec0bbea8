/**
 * Window terminal (/window): staff login, counters, calling. One file per area so each part of the product edits only its own messages; zh-CN.ts
 * and en.ts spread these in. English must name every Chinese key (the type checks it).
 */
export const windowZhCN = {
} as const;

export const windowEn: Record<keyof typeof windowZhCN, string> = {
};
