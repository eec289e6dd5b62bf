
    // Do not modify this file by hand!
    // Re-generate this file by running lit-localize

    
    

    /* eslint-disable no-irregular-whitespace */
    /* eslint-disable @typescript-eslint/no-explicit-any */

    export const templates = {
      's4a6bb8ce5b3f1323': `No se pudo cargar el contenido.`,
's4f7d5a3aa8a099b1': `No se pudo actualizar; se muestra la última copia guardada.`,
's5c9505aa92e8052a': `Todavía no hay nada que mostrar.`,
's6ebc9bd6feae62a3': `Cargando…`,
's8a86d94dc3f53fe3': `Este widget no tiene una dirección de feed de la que leer.`,
'scd1dd6ff53d0d01a': `Reintentar`,
    };
  