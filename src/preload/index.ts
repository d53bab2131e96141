import { contextBridge, ipcRenderer, webUtils } from 'electron';
import { buildBridge } from './bridge.js';

contextBridge.exposeInMainWorld('api', buildBridge(ipcRenderer, (file) => webUtils.getPathForFile(file)));
