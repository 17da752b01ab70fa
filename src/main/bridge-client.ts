/**
 * The script the bridge injects before the app: it puts `window.api` in place
 * over fetch, so the renderer runs unchanged in a plain browser. The token
 * arrives in the URL's fragment (never sent to a server or written to a log),
 * is kept for the tab's life, and is wiped from the address bar. Events come
 * from GET /events, read as a stream with fetch (EventSource cannot send the
 * token in a header), opened at the first listener and reopened if it drops.
 */
export const BRIDGE_CLIENT_JS = `(() => {
  const match = /[#&]token=([A-Za-z0-9_-]+)/.exec(location.hash)
  if (match) {
    sessionStorage.setItem('so-htx-token', match[1])
    history.replaceState(null, '', location.pathname + location.search)
  }
  const token = sessionStorage.getItem('so-htx-token') || ''
  const failure = (message) => ({ ok: false, error: { code: 'INTERNAL', message } })
  const listeners = new Map([['progress', new Set()]])
  let streaming = false
  const dispatchFrame = (frame) => {
    let channel = ''
    let data = ''
    for (const line of frame.split('\\n')) {
      if (line.startsWith('event: ')) channel = line.slice(7)
      else if (line.startsWith('data: ')) data += line.slice(6)
    }
    const set = listeners.get(channel)
    if (!set || data === '') return
    let value
    try {
      value = JSON.parse(data)
    } catch {
      return
    }
    for (const listener of set) {
      try {
        listener(value)
      } catch (err) {
        console.error(err)
      }
    }
  }
  async function stream() {
    streaming = true
    for (;;) {
      try {
        const response = await fetch('/events', { headers: { authorization: 'Bearer ' + token }, cache: 'no-store' })
        if (!response.ok || !response.body) throw new Error('no stream')
        const reader = response.body.pipeThrough(new TextDecoderStream()).getReader()
        let buffer = ''
        for (;;) {
          const { value, done } = await reader.read()
          if (done) break
          buffer += value
          let cut
          while ((cut = buffer.indexOf('\\n\\n')) >= 0) {
            dispatchFrame(buffer.slice(0, cut))
            buffer = buffer.slice(cut + 2)
          }
        }
      } catch {
        // The bridge restarted or the page is going: try again shortly.
      }
      await new Promise((resume) => setTimeout(resume, 1000))
    }
  }
  window.api = Object.freeze({
    async invoke(name, input) {
      if (typeof name !== 'string' || !/^[a-z]+(\\.[a-zA-Z]+)+$/.test(name)) return failure('Tên chức năng không hợp lệ.')
      try {
        const response = await fetch('/api/' + name, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: 'Bearer ' + token },
          body: JSON.stringify(input === undefined ? {} : input)
        })
        return await response.json()
      } catch (err) {
        return failure('Không kết nối được với lõi ứng dụng (cầu nối đã tắt?).')
      }
    },
    on(channel, listener) {
      const set = listeners.get(channel)
      if (!set || typeof listener !== 'function') return () => {}
      set.add(listener)
      if (!streaming) void stream()
      return () => void set.delete(listener)
    }
  })
})()
`
