import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.js';
import { connectIpc } from './ipc/client.js';
import { createAppStore } from './store/index.js';
import { StoreContext } from './store/store-context.js';
import './styles.css';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

const store = createAppStore(connectIpc());
createRoot(root).render(
  <StrictMode>
    <StoreContext.Provider value={store}>
      <App store={store} />
    </StoreContext.Provider>
  </StrictMode>,
);
