import type { TrainingInput } from '../../shared/schemas/trainings'
import type { Database } from '../db/client'
import { createCentreTraining } from '../modules/trainings/centre-trainings'

/** Courses the demo centre runs itself, beside ONISEP's once they are imported. */
const trainings: TrainingInput[] = [
  {
    code: 'PREPA-PARAMED',
    title: 'Préparation aux concours paramédicaux (aide-soignant, auxiliaire de puériculture)',
    kind: 'préparation aux concours',
    durationMonths: 6,
    place: 'Paris 19e',
    domains: ['santé - social - sport/paramédical'],
    description:
      'Remise à niveau, préparation de l’oral et de l’écrit, stage d’observation. Ouvert sans condition de diplôme.',
  },
  {
    code: 'DECOUVERTE-NUM',
    title: 'Découvrir les métiers du numérique',
    kind: 'atelier de découverte',
    durationText: '5 demi-journées',
    place: 'Paris 19e',
    domains: ['informatique, internet/développement - programmation - logiciel'],
    description:
      'Coder une première page web, rencontrer des professionnels, repérer les formations qui y mènent.',
  },
  {
    code: 'FLE-PRO',
    title: 'Français à visée professionnelle (niveau B1)',
    kind: 'formation linguistique',
    durationMonths: 4,
    place: 'À distance',
    description: 'Le français des entretiens, des consignes et des écrits du travail, en petits groupes.',
  },
]

export async function seedDemoTrainings({ db, centreId }: { db: Database; centreId: string }) {
  for (const input of trainings) await createCentreTraining({ db, centreId, actorUserId: null, input })
}
