import pino from "pino";

const log = pino({ name: "charge" });

export const mask = (pan: string) => "**** **** **** " + pan.slice(-4);
