import type { ThemeConfig } from 'antd';

/**
 * Ant Design's defaults, darkened where they fall short of WCAG AA contrast (4.5:1 for normal
 * text), which axe-core checks on every page in test/console.e2e.spec.ts: the primary blue under
 * white text (#1677ff is 4.1:1; blue-7 is 6:1) and the grey texts (secondary 3.4:1, placeholder
 * and empty states 1.8:1). rgba(0,0,0,.6) on white is about 5.7:1, and stays above 4.5:1 on the
 * tinted backgrounds of alerts.
 */
const readableGrey = 'rgba(0, 0, 0, 0.62)';

export const theme: ThemeConfig = {
  token: {
    colorPrimary: '#0958d9',
    // Hovered and pressed, a primary button gets lighter by default (#2e7ae6: 4.2:1 under white):
    // darker instead (blue-8, 8:1), so the button a steward points at stays readable.
    colorPrimaryHover: '#003eb3',
    colorPrimaryActive: '#002c8c',
    // Links too (#1677ff is 3.9:1 on a sorted column's #fafafa).
    colorLink: '#0958d9',
    // Danger buttons: white on #ff4d4f is 3.3:1; on red-7 it is 5.9:1.
    colorError: '#cf1322',
    colorErrorHover: '#a8071a',
    colorErrorActive: '#820014',
    colorTextSecondary: readableGrey,
    colorTextTertiary: readableGrey,
    colorTextQuaternary: readableGrey,
    colorTextPlaceholder: readableGrey,
    colorTextDescription: readableGrey,
  },
};
