import { Button, MessageBar, MessageBarActions, MessageBarBody, Spinner, Tab, TabList, Text, Title3, makeStyles, tokens } from '@fluentui/react-components';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { ApiContext } from '../api/apiContext.js';
import type { AccessProblem } from '../api/apiError.js';
import { ApiClient } from '../api/client.js';
import type { Me } from '../api/types.js';
import { describeError } from '../components/describeError.js';
import { useLanguage } from '../i18n/index.js';
import { TimeZoneContext } from '../i18n/timeZone.js';
import { screens } from '../screens/index.js';
import { AuthProblem } from './AuthProblem.js';

const useStyles = makeStyles({
  header: {
    display: 'flex',
    alignItems: 'center',
    flexWrap: 'wrap',
    columnGap: tokens.spacingHorizontalXXL,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalL}`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  consultant: { marginLeft: 'auto', color: tokens.colorNeutralForeground3 },
  main: { padding: tokens.spacingHorizontalL },
});

function screenIdFromHash(): string {
  const id = window.location.hash.replace(/^#\/?/, '');
  return screens.some((screen) => screen.id === id) ? id : (screens[0]?.id ?? '');
}

/**
 * Shows the signed-in tab: navigation between the screens and the selected screen, or what to do after a 401
 * or 403 response.
 */
export function Shell({ getToken }: { getToken: () => Promise<string> }) {
  const { messages } = useLanguage();
  const styles = useStyles();
  const [authError, setAuthError] = useState<AccessProblem>();
  const [screenId, setScreenId] = useState(screenIdFromHash);
  const api = useMemo(() => new ApiClient(getToken, setAuthError), [getToken]);
  const [me, setMe] = useState<Me>();
  const [meError, setMeError] = useState<unknown>();

  // GET /me checks the sign-in once at start, so a rejected token shows what to do on every screen. It also
  // returns the business time zone, which every screen needs for its dates, so no screen shows before it.
  const loadMe = useCallback(() => {
    setMeError(undefined);
    api.get<Me>('/me').then(setMe, setMeError);
  }, [api]);
  useEffect(loadMe, [loadMe]);

  useEffect(() => {
    const follow = () => setScreenId(screenIdFromHash());
    window.addEventListener('hashchange', follow);
    return () => window.removeEventListener('hashchange', follow);
  }, []);

  if (authError !== undefined) return <AuthProblem error={authError} />;

  const selected = screens.find((screen) => screen.id === screenId) ?? screens[0];
  const select = (id: string) => {
    window.history.replaceState(null, '', `#${id}`);
    setScreenId(id);
  };

  return (
    <ApiContext.Provider value={api}>
      <header className={styles.header}>
        <Title3 as="h1">{messages.app.title}</Title3>
        <nav aria-label={messages.app.navigationLabel}>
          <TabList selectedValue={selected?.id} onTabSelect={(_event, data) => select(String(data.value))}>
            {screens.map((screen) => (
              <Tab key={screen.id} value={screen.id}>
                {screen.title(messages)}
              </Tab>
            ))}
          </TabList>
        </nav>
        {me !== undefined && <Text className={styles.consultant}>{me.name}</Text>}
      </header>
      <main className={styles.main}>
        {me !== undefined ? (
          <TimeZoneContext.Provider value={me.timeZone}>
            {selected !== undefined && <selected.Component key={selected.id} />}
          </TimeZoneContext.Provider>
        ) : meError !== undefined ? (
          <MessageBar intent="error" role="alert" layout="multiline">
            <MessageBarBody>{describeError(meError, messages)}</MessageBarBody>
            <MessageBarActions>
              <Button onClick={loadMe}>{messages.app.retry}</Button>
            </MessageBarActions>
          </MessageBar>
        ) : (
          <Spinner label={messages.app.loading} />
        )}
      </main>
    </ApiContext.Provider>
  );
}
