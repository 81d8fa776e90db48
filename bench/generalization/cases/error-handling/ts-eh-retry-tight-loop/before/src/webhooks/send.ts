export interface Hook {
  url: string;
  secret: string;
}
