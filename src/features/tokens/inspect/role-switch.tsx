import { cn } from '@/lib/cn'
import type { RoleGuess, TokenRole } from './token-role'

export interface RoleSwitchProps {
  role: TokenRole
  guess: RoleGuess
  onChange: (role: TokenRole) => void
}

const ROLES: readonly [TokenRole, string][] = [
  ['id', 'ID token'],
  ['access', 'Access token'],
  ['refresh', 'Refresh token'],
]

const NAME = { id: 'an ID token', access: 'an access token', refresh: 'a refresh token' }

export function RoleSwitch({ role, guess, onChange }: RoleSwitchProps) {
  return (
    <div className="flex flex-wrap items-center gap-x-3 gap-y-1 rounded-lg bg-indigo-50 px-3 py-2 text-xs">
      <fieldset className="flex items-center gap-1">
        <legend className="sr-only">Check as</legend>
        <span className="mr-1 font-medium text-slate-700" aria-hidden>
          Check as
        </span>
        {ROLES.map(([value, label]) => (
          <label
            key={value}
            className={cn(
              'cursor-pointer rounded-md px-2 py-1 ring-1 ring-inset',
              value === role
                ? 'bg-indigo-600 font-semibold text-white ring-indigo-600'
                : 'bg-white text-slate-700 ring-slate-300 hover:bg-slate-50',
            )}
          >
            <input
              type="radio"
              name="check-as"
              value={value}
              checked={value === role}
              onChange={() => onChange(value)}
              className="sr-only"
            />
            {label}
          </label>
        ))}
      </fieldset>
      <span data-role-reason className="text-slate-600">
        {role === guess.role
          ? `Checked as ${NAME[role]} because ${guess.reason}.`
          : `You chose ${NAME[role]}; the lab guessed ${NAME[guess.role]} because ${guess.reason}.`}
      </span>
    </div>
  )
}
