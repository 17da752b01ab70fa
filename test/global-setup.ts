import { execFileSync } from 'node:child_process'
import { resolve } from 'node:path'

/** Builds main, preload and renderer once, as a user's `npm start` would. */
export default function setup(): void {
  const root = resolve(__dirname, '..')
  execFileSync(process.execPath, [resolve(root, 'node_modules/electron-vite/bin/electron-vite.js'), 'build'], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'inherit']
  })
}
