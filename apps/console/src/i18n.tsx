// The console's two languages: Chinese by default, English on request. Every text a page shows is
// written as t('中文', 'English') at the place it is used, so a newcomer reads both together and
// nothing is looked up by key. The choice is a preference, not a secret: it is kept in localStorage.
import { ConfigProvider, Segmented } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
// The date pickers' weekday and month names come from dayjs (Ant Design's date library), which
// knows Chinese once its zh-cn locale is loaded: the pickers then start weeks on Monday, as in China.
import 'dayjs/locale/zh-cn';
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { theme } from './theme';

export type Language = 'zh' | 'en';

const STORAGE_KEY = 'hub-console-language';

function initialLanguage(): Language {
  try {
    return localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'zh';
  } catch {
    return 'zh';
  }
}

interface LanguageState {
  language: Language;
  setLanguage: (language: Language) => void;
}

const LanguageContext = createContext<LanguageState>({ language: 'zh', setLanguage: () => undefined });

/** Picks the text of the current language. */
export type Translate = (zh: string, en: string) => string;

export function LanguageProvider({ children }: { children: ReactNode }) {
  const [language, setLanguageState] = useState<Language>(initialLanguage);
  const setLanguage = useCallback((next: Language) => {
    setLanguageState(next);
    try {
      localStorage.setItem(STORAGE_KEY, next);
    } catch {
      // A browser without storage keeps the choice for this page only.
    }
  }, []);
  useEffect(() => {
    document.documentElement.lang = language === 'en' ? 'en' : 'zh-CN';
    document.title = language === 'en' ? 'Data Sharing Exchange Hub · Console' : '数据共享交换平台 · 管理控制台';
  }, [language]);
  const state = useMemo(() => ({ language, setLanguage }), [language, setLanguage]);
  return (
    <LanguageContext.Provider value={state}>
      <ConfigProvider locale={language === 'en' ? enUS : zhCN} theme={theme}>
        {children}
      </ConfigProvider>
    </LanguageContext.Provider>
  );
}

export function useLanguage(): LanguageState {
  return useContext(LanguageContext);
}

/** t('中文', 'English'): the text in the console's current language. */
export function useT(): Translate {
  const { language } = useLanguage();
  return useCallback<Translate>((zh, en) => (language === 'en' ? en : zh), [language]);
}

/** The switch between the two languages, in the header and on the sign-in page. */
export function LanguageSwitch() {
  const { language, setLanguage } = useLanguage();
  return (
    <Segmented
      aria-label={language === 'en' ? 'Language' : '界面语言'}
      size="small"
      value={language}
      options={[
        { label: '中文', value: 'zh' },
        { label: 'English', value: 'en' },
      ]}
      onChange={(value) => setLanguage(value as Language)}
    />
  );
}
