import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { z } from 'zod'
import type { StaffRole } from '../../../shared/constants'
import {
  type AddStaffInput,
  addStaffResultSchema,
  resetLinkSchema,
  staffMemberSchema,
} from '../../../shared/schemas/staff'
import { api } from '../../lib/api-client'

const staffKey = (slug: string) => ['centres', slug, 'staff'] as const

export function useStaff(slug: string) {
  return useQuery({
    queryKey: staffKey(slug),
    queryFn: () => api(`/centres/${slug}/staff`, z.array(staffMemberSchema)),
  })
}

export function useAddStaff(slug: string) {
  const client = useQueryClient()
  return useMutation({
    mutationFn: (input: AddStaffInput) =>
      api(`/centres/${slug}/staff`, addStaffResultSchema, { method: 'POST', body: input }),
    onSuccess: () => client.invalidateQueries({ queryKey: staffKey(slug) }),
  })
}

export function useResetLink(slug: string) {
  return useMutation({
    mutationFn: (userId: string) =>
      api(`/centres/${slug}/staff/${userId}/reset-link`, resetLinkSchema, { method: 'POST' }),
  })
}

export function useRevokeRole(slug: string) {
  const client = useQueryClient()
  return useMutation({
    mutationFn: ({ userId, role }: { userId: string; role: StaffRole }) =>
      api(`/centres/${slug}/staff/${userId}/roles/${role}`, z.undefined(), { method: 'DELETE' }),
    onSuccess: () => client.invalidateQueries({ queryKey: staffKey(slug) }),
  })
}
