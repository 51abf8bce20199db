// This page's stylesheet is imported for its side effect; Vite bundles it with the app's CSS.
declare module '*.css';
