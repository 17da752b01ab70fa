// placeholder, replaced by the Electron door
export {}
