import { serve } from '../shared/service.js';
import { inventoryApp } from './app.js';

await serve((env) => inventoryApp(env));
