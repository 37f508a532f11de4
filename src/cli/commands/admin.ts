/**
 * `tddui-bench admin`: organisations and API tokens of the server's store (scripts depend on this exact
 * form; create-token prints the token alone on its last line). The data directory is TDDUI_BENCH_DATA
 * (default ./data), as for the server, or --data.
 */
import { resolve } from 'node:path';
import { Command } from 'commander';
import { AccountError, createOrganisation, createToken, listTokens, revokeToken, ROLES } from '../../server/store/accounts.js';
import { openDatabase, type Db } from '../../server/store/database.js';

interface DataOption {
  data?: string;
}

function withDb<T>(options: DataOption, f: (db: Db) => T): T {
  const db = openDatabase(resolve(options.data ?? process.env.TDDUI_BENCH_DATA ?? './data'));
  try {
    return f(db);
  } catch (e) {
    if (e instanceof AccountError) {
      process.stderr.write(`tddui-bench admin : ${e.message}\n`);
      process.exitCode = 2;
      return undefined as T;
    }
    throw e;
  } finally {
    db.close();
  }
}

export function adminCommand(): Command {
  const admin = new Command('admin').description('comptes du serveur : organisations et jetons d’accès');
  const dataOpt = ['--data <dossier>', 'dossier des données du serveur (défaut : TDDUI_BENCH_DATA ou ./data)'] as const;

  admin.command('create-org')
    .description('crée une organisation (éditeur ou organisme de relecture)')
    .argument('<name>', 'nom de l’organisation')
    .option(...dataOpt)
    .action((name: string, options: DataOption) => withDb(options, (db) => {
      const org = createOrganisation(db, name);
      process.stdout.write(`organisation créée : ${org.name}\n`);
    }));

  admin.command('create-token')
    .description('crée un jeton d’accès ; le jeton est affiché une seule fois, seul sur la dernière ligne')
    .requiredOption('--org <name>', 'organisation du jeton')
    .requiredOption('--role <role>', `rôle : ${ROLES.join(' | ')}`)
    .option(...dataOpt)
    .action((options: DataOption & { org: string; role: string }) => withDb(options, (db) => {
      const { info, token } = createToken(db, options.org, options.role);
      process.stdout.write(`jeton ${info.id} créé pour ${info.org} (rôle ${info.role}) ; conservez-le, il ne sera plus affiché :\n${token}\n`);
    }));

  admin.command('revoke-token')
    .description('révoque un jeton (par son identifiant, pas par son secret)')
    .argument('<token-id>', 'identifiant du jeton (16 caractères hexadécimaux)')
    .option(...dataOpt)
    .action((tokenId: string, options: DataOption) => withDb(options, (db) => {
      const info = revokeToken(db, tokenId);
      process.stdout.write(`jeton ${info.id} révoqué (${info.org}, rôle ${info.role})\n`);
    }));

  admin.command('list-tokens')
    .description('liste les jetons (identifiant, organisation, rôle, état ; jamais le secret)')
    .option(...dataOpt)
    .action((options: DataOption) => withDb(options, (db) => {
      for (const t of listTokens(db)) {
        process.stdout.write(`${t.id}  ${t.role.padEnd(8)}  ${t.revokedAt ? `révoqué ${t.revokedAt}` : 'actif'.padEnd(32)}  ${t.org}\n`);
      }
    }));
  return admin;
}
