/**
 * Common Italian (and a few English) given names and surnames. Gender is known
 * for every given name because the codice fiscale encodes it (day + 40 for women).
 * Kept as word lists in strings so the file stays short and readable.
 */

function words(...lines: string[]): readonly string[] {
  return lines.join(" ").split(" ").filter(Boolean);
}

/** Comma-separated, because surnames may hold spaces ("De Luca") and apostrophes ("D'Angelo"). */
function surnames(...lines: string[]): readonly string[] {
  return lines
    .join(",")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
}

export const ITALIAN_MALE_NAMES = words(
  "Alessandro Andrea Antonio Alberto Alessio Angelo Arturo Bruno Carlo Claudio Cristian Daniele",
  "Dario Davide Diego Domenico Edoardo Emanuele Enrico Enzo Ettore Fabio Fabrizio Federico",
  "Filippo Flavio Francesco Franco Gabriele Giacomo Gianluca Gianni Giorgio Giovanni Giulio",
  "Giuseppe Graziano Guido Ivan Jacopo Leonardo Lorenzo Luca Luciano Luigi Manuel Marco Mario",
  "Massimo Matteo Mattia Maurizio Michele Mirko Nicola Nicolò Paolo Pasquale Piero Pietro",
  "Raffaele Renato Riccardo Roberto Rocco Salvatore Samuele Sandro Sergio Silvio Simone Stefano",
  "Tommaso Umberto Valerio Vincenzo Vittorio Walter Alfredo Aldo Antonino Armando Attilio",
  "Bartolomeo Benedetto Cesare Corrado Cosimo Elia Elio Emilio Ernesto Fausto Felice Ferdinando",
  "Gaetano Gennaro Gino Giampaolo Gianfranco Gianmarco Giordano Ignazio Lino Livio Loris Marcello",
  "Mariano Martino Nazario Oscar Ottavio Remo Rinaldo Romano Rosario Ruggero Sebastiano",
  "Severino Teodoro Tiziano Ugo Valentino Vasco Vito Cristiano Denis Omar Thomas Alex Samuel",
  "Ivano Ivo Mauro Carmine Ciro Agostino Adriano Achille Amedeo Giancarlo Pierluigi Raimondo",
);

export const ITALIAN_FEMALE_NAMES = words(
  "Alessandra Alessia Alice Angela Anna Annalisa Antonella Arianna Aurora Barbara Beatrice",
  "Benedetta Bianca Camilla Carla Carlotta Caterina Cecilia Chiara Claudia Cristina Daniela",
  "Debora Denise Donatella Elena Eleonora Elisa Elisabetta Emanuela Emma Erica Federica",
  "Francesca Gabriella Giada Gianna Ginevra Giorgia Giovanna Giulia Grazia Ilaria Irene Jessica",
  "Laura Letizia Lidia Linda Lisa Lucia Luisa Manuela Mara Margherita Maria Marina Marta Martina",
  "Michela Milena Miriam Monica Nadia Natalia Nicoletta Noemi Paola Patrizia Rachele Raffaella",
  "Rebecca Roberta Rosa Rosanna Rossella Sabrina Sara Serena Silvia Simona Sofia Stefania",
  "Teresa Tiziana Valentina Valeria Vanessa Veronica Viola Vittoria Adele Agnese Alba Amalia",
  "Angelica Assunta Carmela Carolina Concetta Cinzia Diana Elvira Emilia Ester Fabiola Fiorella",
  "Franca Gemma Gloria Graziella Ida Immacolata Ines Iolanda Lara Loredana Lorena Lorenza",
  "Luciana Marisa Matilde Mirella Morena Ornella Pamela Piera Rita Romina Samantha Sonia Stella",
  "Susanna Vera Virginia Wanda Elsa Nives Licia Giuliana Marcella Mariangela Annamaria Ludovica",
);

export const ITALIAN_SURNAMES = surnames(
  "Rossi, Russo, Ferrari, Esposito, Bianchi, Romano, Colombo, Ricci, Marino, Greco, Bruno, Gallo",
  "Conti, De Luca, Mancini, Costa, Giordano, Rizzo, Lombardi, Moretti, Barbieri, Fontana, Santoro",
  "Mariani, Rinaldi, Caruso, Ferrara, Galli, Martini, Leone, Longo, Gentile, Martinelli, Vitale",
  "Lombardo, Serra, Coppola, De Santis, D'Angelo, Marchetti, Parisi, Villa, Conte, Ferraro, Ferri",
  "Fabbri, Bianco, Marini, Grasso, Valentini, Messina, Sala, De Angelis, Gatti, Pellegrini",
  "Palumbo, Sanna, Farina, Rizzi, Monti, Cattaneo, Morelli, Amato, Silvestri, Mazza, Testa",
  "Grassi, Pellegrino, Carbone, Giuliani, Benedetti, Barone, Rossetti, Caputo, Montanari, Guerra",
  "Palmieri, Bernardi, Martino, Fiore, De Rosa, Ferretti, Bellini, Basile, Riva, Donati, Piras",
  "Vitali, Battaglia, Sartori, Neri, Costantini, Milani, Pagano, Ruggiero, Sorrentino, D'Amico",
  "Orlando, Negri, Mantovani, Bassi, Zanetti, Fumagalli, Brambilla, Brivio, Galbiati, Sironi",
  "Mauri, Redaelli, Longhi, Motta, Pozzi, Cereda, Meroni, Bonomi, Crippa, Radaelli, Ronchi",
  "Tagliabue, Vismara, Zanella, Zanon, Zanin, Zanatta, Furlan, Pavan, Bortolin, Marcon, Scarpa",
  "Boscolo, Bonato, Zampieri, Trevisan, Tonin, Baldan, Favaro, Rigon, Dalla Costa, Dal Santo",
  "Carraro, Cecchinato, Gasparini, Sartor, Fabris, Tosato, Pellizzari, Menegazzo, Bertoldi",
  "Vianello, Zago, Pizzolato, Toffolo, Lorenzon, Da Ros, Cirillo, De Simone, Capasso, Marra",
  "Iannone, Ruggieri, Lo Russo, La Rosa, Di Stefano, Di Giovanni, Di Lorenzo, Di Pietro",
  "Lo Bianco, La Spina, Puglisi, Scalia, Catalano, Ferrante, Cannizzaro, Melis, Pinna, Deiana",
  "Mura, Castelli, Fiorentino, Bruni, Bianchini, Benetti, Guidi, Cavalli, Poli, Giorgi, Franchi",
  "Baldini, Pace, Marchi, Tedesco, Bellucci, Cocco, Merlo, Rota, Pagani, Agostini, Orlandi",
  "Valente, Bianconi, Mazzoni, Grillo, Rossini, Ferrero, Dell'Acqua, Ceccarelli, Mazzola",
  "Bertolini, Corti, Colella, Esposti, Marcucci, Moro, Nardi, Olivieri, Perego, Porta, Riccardi",
  "Sormani, Sorrentini, Spinelli, Tosi, Valsecchi, Viganò, Zucchi, Albanese, Arena, Bellomo",
  "Bonetti, Calabrese, Cantoni, Capelli, Casati, Cozzi, Cristofori, D'Alessandro, Del Bianco",
  "Di Marco, Fossati, Gallina, Lanza, Locatelli, Magni, Mascheroni, Nava, Pirovano",
);

export const ENGLISH_MALE_NAMES = words(
  "James John Robert Michael David William Richard Daniel Matthew Mark Paul Andrew George",
  "Oliver Harry Jack Liam Sean Peter Stephen",
);

export const ENGLISH_FEMALE_NAMES = words(
  "Mary Sarah Emily Olivia Sophie Charlotte Hannah Lucy Amy Claire Rachel Kate Grace Megan",
  "Helen Louise Abigail Eleanor Fiona Joanna",
);

export const ENGLISH_SURNAMES = surnames(
  "Smith, Jones, Taylor, Brown, Williams, Wilson, Johnson, Davies, Robinson, Wright, Thompson",
  "Evans, Walker, White, Roberts, Green, Hall, Wood, Jackson, Clarke, Murphy, Kelly, O'Brien",
  "Walsh, Byrne, Miller, Harris, Cooper, Turner, Hughes",
);
