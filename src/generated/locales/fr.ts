
    // Do not modify this file by hand!
    // Re-generate this file by running lit-localize

    
    

    /* eslint-disable no-irregular-whitespace */
    /* eslint-disable @typescript-eslint/no-explicit-any */

    export const templates = {
      's4a6bb8ce5b3f1323': `Le contenu n’a pas pu être chargé.`,
's4f7d5a3aa8a099b1': `Actualisation impossible ; dernière copie enregistrée affichée.`,
's5c9505aa92e8052a': `Rien à afficher pour le moment.`,
's6ebc9bd6feae62a3': `Chargement…`,
's8a86d94dc3f53fe3': `Ce widget n’a pas d’adresse de flux à lire.`,
'scd1dd6ff53d0d01a': `Réessayer`,
    };
  