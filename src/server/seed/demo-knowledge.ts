import type { KnowledgeNoteInput } from '../../shared/schemas/knowledge'
import type { Database } from '../db/client'
import { createNote } from '../modules/knowledge/knowledge-service'

/** What the demo centre's counsellors have written down for each other. */
export async function seedDemoKnowledge(options: {
  db: Database
  centreId: string
  authorId: string
  service: (organisation: string) => string
  area: (slug: string) => string
}) {
  const { db, centreId, authorId, service, area } = options
  const notes: KnowledgeNoteInput[] = [
    {
      kind: 'referral',
      title: 'Orienter vers le foyer de jeunes travailleurs',
      body: [
        '## Avant d’orienter',
        '',
        '- La personne a **entre 16 et 30 ans** et travaille, se forme ou cherche un emploi.',
        '- Le foyer demande une pièce d’identité et un justificatif de situation (contrat, inscription).',
        '',
        '## Ce qui marche',
        '',
        'Appeler l’accueil **le matin** : les places se libèrent souvent en début de mois.',
        'Le dossier peut être déposé sans rendez-vous.',
      ].join('\n'),
      tags: ['logement', 'jeunes'],
      serviceIds: [service('Foyer des Jeunes Travailleurs Démo')],
      areaIds: [area('trouver-emploi')],
    },
    {
      kind: 'practice',
      title: 'Préparer un premier entretien d’embauche',
      body: [
        'Trois questions à travailler avec la personne :',
        '',
        '1. « Parlez-moi de vous » — en deux minutes, tourné vers le poste.',
        '2. Une réussite concrète, même hors travail (bénévolat, études, famille).',
        '3. Ses questions à elle sur le poste et l’équipe.',
        '',
        'Proposer ensuite l’atelier *Simulation d’entretien* du programme.',
      ].join('\n'),
      tags: ['entretien', 'emploi'],
      areaIds: [area('trouver-emploi')],
    },
    {
      kind: 'partner_news',
      title: 'Consultations juridiques : nouveaux horaires',
      body: 'La Maison de la Justice et du Droit reçoit désormais **le mardi et le jeudi après-midi**, sur rendez-vous uniquement.',
      tags: ['droit du travail'],
      serviceIds: [service('Maison de la Justice et du Droit Démo')],
    },
  ]
  for (const input of notes) await createNote({ db, centreId, actorUserId: authorId, language: 'fr', input })
}
