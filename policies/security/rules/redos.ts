// ruleid: sec-redos-nested-quantifier-js
export const CODE: RegExp = /^([A-Z]+_?)+$/u;
// ok: sec-redos-nested-quantifier-js
export const HEX: RegExp = /^(?:[0-9a-f]{2})+$/;
// ok: sec-redos-nested-quantifier-js
export const ratio = (a: number, b: number): number => a / b / 2;
