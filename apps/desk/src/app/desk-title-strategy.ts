import { Injectable, inject } from '@angular/core';
import { Title } from '@angular/platform-browser';
import { RouterStateSnapshot, TitleStrategy } from '@angular/router';

export const DESK_NAME = 'Một cửa điện tử';

/** "<page> | Một cửa điện tử" for every route that has a title. */
@Injectable()
export class DeskTitleStrategy extends TitleStrategy {
  private readonly title = inject(Title);

  override updateTitle(snapshot: RouterStateSnapshot): void {
    const page = this.buildTitle(snapshot);
    this.title.setTitle(page ? `${page} | ${DESK_NAME}` : DESK_NAME);
  }
}
