export function App() {
  return <main><h1>Protocol Studio</h1></main>;
}
