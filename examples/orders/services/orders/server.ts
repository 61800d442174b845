import { serve } from '../shared/service.js';
import { ordersApp } from './app.js';

await serve((env) => ordersApp(env));
