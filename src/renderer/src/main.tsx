/**
 * The page's entry: a few kilobytes that ask the core for the office and the
 * register's first rows, then load the app (boot.tsx: React, AG Grid, the
 * screens). The core answers while the browser is still parsing the app.
 */
import { startEarly } from './startup'
// The first screen's styles go in the page's head, fetched with it, not after the app's chunk.
import './styles.css'
import './registry/registry.css'

// The app's chunks are asked for first: the bridge's core answers one request at a time.
const app = import('./boot')
startEarly()
void app
