import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { z } from 'zod'
import { meSchema } from '../../../shared/schemas/staff'
import { ApiError, api, authApi } from '../../lib/api-client'

export const meKey = ['me'] as const

/** The signed-in staff member, or null for a visitor. */
export function useMe() {
  return useQuery({
    queryKey: meKey,
    queryFn: async () => {
      try {
        return await api('/me', meSchema)
      } catch (error) {
        if (error instanceof ApiError && error.status === 401) return null
        throw error
      }
    },
    staleTime: 60_000,
  })
}

const authResponse = z.unknown()

export function useSignIn() {
  const client = useQueryClient()
  return useMutation({
    mutationFn: (input: { email: string; password: string }) =>
      authApi('/sign-in/email', authResponse, { method: 'POST', body: { ...input, rememberMe: false } }),
    onSuccess: () => client.invalidateQueries({ queryKey: meKey }),
  })
}

export function useSignOut() {
  const client = useQueryClient()
  return useMutation({
    mutationFn: () => authApi('/sign-out', authResponse, { method: 'POST', body: {} }),
    onSuccess: () => client.clear(),
  })
}

export function useResetPassword() {
  return useMutation({
    mutationFn: (input: { token: string; newPassword: string }) =>
      authApi('/reset-password', authResponse, { method: 'POST', body: input }),
  })
}
