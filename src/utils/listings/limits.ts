/** Above this many price/stock patches, one feed beats patchListingsItem's 5 rps (listings items model). */
export const FAST_PATH_MAX_DEFAULT = 150
