import type { ComponentProps } from 'react'
import { Button as AriaButton } from 'react-aria-components'
import { Link } from 'react-router'

type Variant = 'primary' | 'secondary' | 'danger' | 'quiet'

export function Button({
  variant = 'primary',
  ...props
}: ComponentProps<typeof AriaButton> & { variant?: Variant }) {
  return <AriaButton className="button" data-variant={variant} {...props} />
}

/** A link that looks like a button, for navigation. */
export function ButtonLink({
  variant = 'primary',
  ...props
}: ComponentProps<typeof Link> & { variant?: Variant }) {
  return <Link className="button" data-variant={variant} {...props} />
}
