/**
 * The script the bridge injects before the app: it puts `window.api` in place
 * over fetch, so the renderer runs unchanged in a plain browser. The token
 * arrives in the URL's fragment (never sent to a server or written to a log),
 * is kept for the tab's life, and is wiped from the address bar.
 */
export const BRIDGE_CLIENT_JS = `(() => {
  const match = /[#&]token=([A-Za-z0-9_-]+)/.exec(location.hash)
  if (match) {
    sessionStorage.setItem('so-htx-token', match[1])
    history.replaceState(null, '', location.pathname + location.search)
  }
  const token = sessionStorage.getItem('so-htx-token') || ''
  const failure = (message) => ({ ok: false, error: { code: 'INTERNAL', message } })
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
    }
  })
})()
`
