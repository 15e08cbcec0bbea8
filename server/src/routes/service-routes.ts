import { serviceCatalogue } from '@eldercare/domain';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type, type Static } from 'typebox';

const Localized = Type.Object({ zh: Type.String(), en: Type.String() });

export const ServiceCatalogueViewSchema = Type.Object({
  version: Type.String(),
  policyReference: Type.String(),
  services: Type.Array(
    Type.Object({
      key: Type.String(),
      policyItem: Type.Integer(),
      name: Localized,
      shortName: Localized,
      conditionText: Localized,
      materials: Type.Array(Localized),
      /** 承诺事项, printed in the 一次告知 notice. */
      commitments: Type.Array(Localized),
      /** 受理顺序 of the joint trio. */
      handlingOrder: Type.Optional(Type.Object({ step: Type.Integer({ minimum: 1 }), text: Localized })),
      departments: Type.Array(Type.Object({ key: Type.String(), name: Localized })),
      policyText: Type.String(),
      jointGroup: Type.Optional(Type.String()),
      kioskFlow: Type.Boolean(),
    }),
  ),
});
export type ServiceCatalogueView = Static<typeof ServiceCatalogueViewSchema>;

/** Built once: the catalogue is data compiled into the server, versioned with it. */
const catalogueView: ServiceCatalogueView = {
  version: serviceCatalogue.version,
  policyReference: serviceCatalogue.policyReference,
  services: serviceCatalogue.services.map((s) => ({
    key: s.key,
    policyItem: s.policyItem,
    name: s.name,
    shortName: s.shortName,
    conditionText: s.conditionText,
    materials: s.materials,
    commitments: s.commitments,
    ...(s.handlingOrder ? { handlingOrder: s.handlingOrder } : {}),
    departments: s.departments.map((key) => ({ key, name: serviceCatalogue.departments[key] })),
    policyText: s.policyText,
    ...(s.jointGroup ? { jointGroup: s.jointGroup } : {}),
    kioskFlow: s.kioskFlow,
  })),
};

/** GET /services: the 12 services with conditions, materials, departments and the policy text. */
export const serviceRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/services',
    {
      schema: {
        tags: ['catalogue'],
        summary: 'The service catalogue (沪民养老发〔2024〕18号)',
        response: { 200: ServiceCatalogueViewSchema },
      },
    },
    async () => catalogueView,
  );
};
