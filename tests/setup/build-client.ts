import { build } from 'vite'

/** The e2e suite drives the real built front end, as a centre runs it. */
export async function setup() {
  await build({ logLevel: 'warn' })
}
