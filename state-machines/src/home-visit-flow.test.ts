import { describe, expect, it } from 'vitest';
import { HOME_VISIT_SERVICES, homeVisitFlow, homeVisitReasons, homeVisitServices } from './home-visit-flow';
import { identityOf } from './testing/fixtures';
import { startFormFlow, typeDigits } from './testing/form-flow-harness';

describe('homeVisitFlow', () => {
  it('80岁以上 is offered only to those 80 or older; an offered reason is needed', () => {
    expect(homeVisitReasons({ identity: identityOf('cardHolder') })).toEqual(['age-80-plus', 'bedridden', 'disabled']);
    expect(homeVisitReasons({ identity: identityOf('firstTimer') })).toEqual(['bedridden', 'disabled']);
    const { actor } = startFormFlow(homeVisitFlow, identityOf('firstTimer'));
    actor.send({ type: 'option.choose', value: 'age-80-plus' });
    expect(actor.getSnapshot().value).toBe('choosingReason');
  });

  it('offers the services the senior may use, or all when none', () => {
    const offered = homeVisitServices({ identity: identityOf('cardHolder') });
    expect(offered).not.toContain('senior-card');
    expect(offered).toContain('allowance-channel');
    const nobody = { ...identityOf('firstTimer'), eligibility: [] };
    expect(homeVisitServices({ identity: nobody })).toEqual(HOME_VISIT_SERVICES);
  });

  it('reason, services (at least one), period, phone: the request', () => {
    const { actor, submit } = startFormFlow(homeVisitFlow, identityOf('cardHolder'));
    actor.send({ type: 'option.choose', value: 'age-80-plus' });
    actor.send({ type: 'flow.next' });
    expect(actor.getSnapshot().context.fieldError).toBe('choose-one');
    actor.send({ type: 'option.toggle', value: 'assistive-device-rental' });
    actor.send({ type: 'option.toggle', value: 'senior-card' }); // not offered to a card holder
    actor.send({ type: 'option.toggle', value: 'home-adaptation' });
    expect(actor.getSnapshot().context.answers['services']).toEqual(['home-adaptation', 'assistive-device-rental']);
    actor.send({ type: 'flow.next' });
    actor.send({ type: 'option.choose', value: 'afternoon' });
    typeDigits(actor, '13912345678');
    actor.send({ type: 'flow.next' });
    actor.send({ type: 'flow.confirm' });
    expect(submit.last.input.request).toEqual({
      serviceKey: 'home-visit',
      identifyToken: identityOf('cardHolder').identifyToken,
      answers: { reason: 'age-80-plus', services: ['home-adaptation', 'assistive-device-rental'], period: 'afternoon', phone: '13912345678' },
    });
  });
});
