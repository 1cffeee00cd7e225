self.postMessage({ type: 'ready' });
