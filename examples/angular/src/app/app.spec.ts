import { TestBed } from '@angular/core/testing';
import { provideOpenResponses } from 'rxjs-openresponses/angular';
import { scriptResponse, startMockServer, type MockServer } from 'rxjs-openresponses/testing';
import { App } from './app';

/**
 * The app under Vitest (`ng test`, Angular 21's default): TestBed renders the component, and the
 * answer comes with real `fetch` from the mock Responses server of `rxjs-openresponses/testing`.
 */
describe('App', () => {
  let server: MockServer;

  beforeEach(async () => {
    server = await startMockServer({
      script: () => ({
        stream: scriptResponse()
          .created()
          .message({ text: ['Hello', ' from', ' the mock'] })
          .completed({ usage: { inputTokens: 3, outputTokens: 4, totalTokens: 7 } as never })
          .events,
      }),
    });
    TestBed.configureTestingModule({
      imports: [App],
      providers: [provideOpenResponses({ baseURL: server.url, retry: false })],
    });
  });

  afterEach(() => server.close());

  it('renders idle, with Stop disabled', async () => {
    const fixture = TestBed.createComponent(App);
    await fixture.whenStable();
    const page = fixture.nativeElement as HTMLElement;
    expect(page.querySelector('[data-testid="status"]')?.getAttribute('data-status')).toBe('idle');
    expect(page.querySelector<HTMLButtonElement>('[data-testid="stop"]')?.disabled).toBe(true);
    expect(server.requests).toHaveLength(0);
  });

  it('streams the answer to Send, and sends the request body', async () => {
    const fixture = TestBed.createComponent(App);
    await fixture.whenStable();
    const page = fixture.nativeElement as HTMLElement;
    page.querySelector<HTMLButtonElement>('[data-testid="send"]')?.click();
    await vi.waitFor(() => {
      fixture.detectChanges();
      const status = page.querySelector('[data-testid="status"]')?.getAttribute('data-status');
      expect(status).toBe('done');
    });
    expect(page.querySelector('[data-testid="answer"]')?.textContent).toBe('Hello from the mock');
    expect(server.requests[0]?.json).toMatchObject({ model: 'gpt-5-nano', stream: true });
  });
});
