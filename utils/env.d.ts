declare module '*?raw' {
  const text: string;
  export default text;
}
declare module '*?inline' {
  const css: string;
  export default css;
}
