// Feature stylesheets are imported for their side effect; Vite bundles them with the app's CSS.
declare module '*.css';
