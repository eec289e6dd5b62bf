// Vue's browser build (an ES module with the template compiler, development build: it warns) has the types
// of the package's main entry.
declare module 'vue/dist/vue.esm-browser.js' {
  export * from 'vue';
}
