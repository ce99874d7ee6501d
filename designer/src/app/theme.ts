import type { ThemeConfig } from 'antd';

/** Government-service red as the primary colour, as 粤省事 and the provincial portals use it. */
export const theme: ThemeConfig = {
  // One app on one page: no per-version class hashes to compute.
  hashed: false,
  token: {
    colorPrimary: '#c8102e',
    borderRadius: 6,
    fontFamily:
      '-apple-system, BlinkMacSystemFont, "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "Noto Sans CJK SC", "Noto Sans SC", sans-serif',
  },
};
