export interface Rate {
  carrier: string;
  cents: number;
}
