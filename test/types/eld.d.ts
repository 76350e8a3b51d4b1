/**
 * eld's package exports its static builds under the `import` condition only, which this project's
 * CommonJS module resolution cannot see; the language evaluation loads them with import().
 */
declare module 'eld/large' {
  export const eld: { detect(text: string): { language: string } };
}
declare module 'eld/small' {
  export const eld: { detect(text: string): { language: string } };
}
