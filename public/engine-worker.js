// The engine's Web Worker (app/src/worker.rs): the page's own wasm module, loaded here too, runs
// the programs off the main thread. The first message is the module's URL (its hashed name, from
// index.html's playgroundEngine); messages that arrive while it loads wait, then go to the engine,
// which tells the page it is ready.
const waiting = [];
self.onmessage = (first) => {
  self.onmessage = (e) => waiting.push(e);
  import(first.data)
    .then(async (engine) => {
      // The engine's linear memory, which only grows: its size after a run is the run's peak
      // (read by tests/e2e/budgets/runaway.spec.ts).
      self.engineMemory = (await engine.default()).memory;
      engine.engine_worker_start();
      for (const e of waiting.splice(0)) self.onmessage(e);
    })
    .catch((err) => {
      // The page hears it as the worker's error event: runs stay in the page.
      setTimeout(() => {
        throw err;
      });
    });
};
