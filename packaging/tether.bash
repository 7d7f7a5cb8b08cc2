# bash completion for tether: commands, their flags, provider ids and account ids.
_tether_accounts()
{
    # `tether list --json` reads only the registry (no keychain): cheap enough to ask each time.
    tether list --json 2>/dev/null | sed -n 's/^ *"id": "\([^"]*\)",\{0,1\}$/\1/p'
}

_tether()
{
    local cur prev command
    cur=${COMP_WORDS[COMP_CWORD]}
    prev=${COMP_WORDS[COMP_CWORD-1]}
    command=${COMP_WORDS[1]}
    local commands="providers add list status import connect refresh token disconnect remove"

    if [ "$COMP_CWORD" -eq 1 ]; then
        COMPREPLY=($(compgen -W "$commands --demo --hidden --help --version" -- "$cur"))
        return
    fi
    case $prev in
        --provider)
            COMPREPLY=($(compgen -W "$(tether providers --json 2>/dev/null | sed -n 's/^ *"id": "\([^"]*\)",\{0,1\}$/\1/p')" -- "$cur"))
            return ;;
        --client-auth)
            COMPREPLY=($(compgen -W "basic post none" -- "$cur"))
            return ;;
        --name|--client-id|--token-endpoint|--authorization-endpoint|--revocation-endpoint|--issuer|--scope|--redirect-uri)
            return ;;
    esac
    case $command in
        add)
            COMPREPLY=($(compgen -W "--provider --name --client-id --client-secret-stdin --token-endpoint
                --authorization-endpoint --revocation-endpoint --issuer --scope --redirect-uri --client-auth
                --allow-insecure-http --help" -- "$cur")) ;;
        providers|list)
            COMPREPLY=($(compgen -W "--json --help" -- "$cur")) ;;
        status)
            COMPREPLY=($(compgen -W "$(_tether_accounts) --json --help" -- "$cur")) ;;
        refresh)
            COMPREPLY=($(compgen -W "$(_tether_accounts) --all --help" -- "$cur")) ;;
        connect)
            COMPREPLY=($(compgen -W "$(_tether_accounts) --no-browser --help" -- "$cur")) ;;
        import|token|disconnect|remove)
            COMPREPLY=($(compgen -W "$(_tether_accounts) --help" -- "$cur")) ;;
    esac
}
complete -F _tether tether
